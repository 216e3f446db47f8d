/** The same nested keys as T, every leaf a string: how en.ts stays in step with zhCN.ts. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
