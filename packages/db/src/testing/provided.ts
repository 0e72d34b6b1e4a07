// What the integration tests' global setup provides to every test file (vitest `inject`).
declare module "vitest" {
  export interface ProvidedContext {
    vkAdminUrl: string;
    vkTemplate: string;
    vkSeededTemplate: string;
  }
}
export {};
