/** The release this build is (vite.config.ts: the package version or TIMESCAPE_RELEASE). */
declare const __TIMESCAPE_RELEASE__: string;
