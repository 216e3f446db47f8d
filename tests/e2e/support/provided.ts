declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo district's spreadsheets, written once for the whole run. */
    demoDir: string;
    /** The demo district imported once into a database (closed, no WAL); startDemoHost copies it. */
    demoDbPath: string;
    /** The one Chromium every test file connects to. */
    browserWsEndpoint: string;
    /** A folder for this run's temporary files, removed at the end. */
    runDir: string;
  }
}

export {};
