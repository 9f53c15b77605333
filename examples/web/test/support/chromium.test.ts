import { describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';

describe('launchChromium', () => {
  it('fails, naming the path and the install command, when Chromium is missing', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(
      /^Chromium not found at \/nonexistent\/chromium: .*apt-get install -y chromium/,
    );
  });
});
