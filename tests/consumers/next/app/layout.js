// The root layout every App Router app has. No next/font (the test machine has no network).
export const metadata = { title: 'Next.js consumer of naverpay-checkout', icons: { icon: 'data:,' } };

export default function RootLayout({ children }) {
  return (
    <html lang="ko">
      <body>{children}</body>
    </html>
  );
}
