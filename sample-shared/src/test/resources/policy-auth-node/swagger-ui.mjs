// Drives Swagger UI in headless Chromium as a user would: Authorize with a bearer token, then
// "Try it out" on an operation, and prints the operation's description as shown and the status the running
// application answered.
import { chromium } from 'playwright-core';

const [base, scheme, token, operationId, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await page.goto(`${base}/swagger-ui/index.html`);
  await page.locator('button.authorize').first().click();
  const container = page.locator('.auth-container').filter({
    has: page.locator('h4 code', { hasText: new RegExp(`^${scheme}$`) }),
  });
  await container.locator('input').first().fill(token);
  await container.locator('button.authorize').click();
  await page.locator('.modal-ux button.close-modal').click();
  const operation = page.locator(`[id$="-${operationId}"]`);
  await operation.locator('.opblock-summary').click();
  const description = operation.locator('.opblock-description-wrapper');
  // The operation opens after the click returns: wait for its description (an operation may have none).
  await description.first().waitFor({ timeout: 10000 }).catch(() => {});
  if (await description.count() > 0) {
    console.log(`description ${(await description.first().innerText()).replace(/\s+/g, ' ').trim()}`);
  }
  await operation.locator('button.try-out__btn').click();
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table tr.response .response-col_status').first();
  await status.waitFor({ timeout: 15000 });
  console.log(`status ${(await status.innerText()).trim().split(/\s+/)[0]}`);
  await page.screenshot({ path: screenshot, fullPage: false });
} finally {
  await browser.close();
}
