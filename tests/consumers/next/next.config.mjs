// Nothing for naverpay-checkout: the package needs no Next.js configuration.
/** @type {import("next").NextConfig} */
export default {};
