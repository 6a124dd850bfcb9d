import { describe, expect, it } from 'vitest';
import { refusalOf } from './mail-transport.ts';

describe('refusalOf', () => {
  it('keeps the SMTP reply without any address, permanent for 5xx', () => {
    const refused = refusalOf({
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <sam.okafor@example.org>: Recipient address rejected',
    });
    expect(refused).toMatchObject({
      reason: '550 5.1.1 [address]: Recipient address rejected',
      permanent: true,
    });
    expect(
      refusalOf({ code: 'EENVELOPE', responseCode: 451, response: '451 Try again later' }),
    ).toMatchObject({
      reason: '451 Try again later',
      permanent: false,
    });
  });

  it('tries again after a refused sign-in to the server (a configuration to fix, not this message)', () => {
    expect(
      refusalOf({ code: 'EAUTH', responseCode: 535, response: '535 Authentication failed' }).permanent,
    ).toBe(false);
  });

  it('names a connection failure by its system code, and says nothing else', () => {
    expect(
      refusalOf({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect 127.0.0.1:25' }),
    ).toMatchObject({ reason: 'the mail server refused the connection (ECONNREFUSED)', permanent: false });
    expect(refusalOf(new Error('something with sam@example.org')).reason).toBe('sending failed');
  });
});
