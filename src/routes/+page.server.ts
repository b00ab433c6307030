import { routeData } from '$lib/server/route-data';

export const load = () => routeData('/');
