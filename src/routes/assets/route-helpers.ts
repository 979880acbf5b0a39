export const tags = ["Assets"];
export const security: Record<string, string[]>[] = [{ ApiKey: [] }, { Bearer: [] }];
