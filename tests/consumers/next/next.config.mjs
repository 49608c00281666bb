// Nothing for naverpay-checkout: the package needs no Next.js configuration. `turbopack.root` is
// only there because this app sits inside the repository, whose own package-lock.json Next would
// otherwise take for the workspace root; a standalone app leaves it out.
/** @type {import("next").NextConfig} */
export default {
  turbopack: { root: import.meta.dirname },
};
