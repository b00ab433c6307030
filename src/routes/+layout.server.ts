// Every page is prerendered; each carries its own data (src/routes/*/+page.server.ts).
export const prerender = true;
