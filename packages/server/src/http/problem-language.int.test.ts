import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';

/**
 * Every problem the API answers is in the reader's language: the signed-in person's (their choice, else the
 * program's), else the browser's Accept-Language; English for everyone else.
 */
let server: TestServer;
let frontDesk: TestClient;
let clinician: TestClient;

interface Problem {
  title: string;
  detail?: string;
  code: string;
  errors?: { path: string; message: string }[];
}

const missingPatient = '/api/patients/01900000-0000-7000-8000-000000000000';

const person = {
  legalGivenName: 'Inés',
  legalFamilyName: 'Carrasco',
  dateOfBirth: '1988-07-02',
  sexAssignedAtBirth: 'female',
  preferredLanguage: 'es',
};

beforeAll(async () => {
  server = await startTestServer();
  frontDesk = await server.signIn(demoAccountFor('front_desk').email);
  clinician = await server.signIn(demoAccountFor('clinician').email);
});
afterAll(async () => {
  await server?.close();
});

describe('a signed-in person who reads Spanish', () => {
  beforeAll(async () => {
    const chosen = await frontDesk.json('PUT', '/api/me/language', { language: 'es' });
    expect(chosen.status).toBe(200);
  });
  afterAll(async () => {
    await frontDesk.json('PUT', '/api/me/language', { language: null });
  });

  it('gets a 404 in Spanish from the next request on, while others keep English', async () => {
    const spanish = await frontDesk.json<Problem>('GET', missingPatient);
    expect(spanish).toMatchObject({
      status: 404,
      body: { code: 'not_found', title: 'No encontrado', detail: 'No existe ese paciente.' },
    });
    const english = await clinician.json<Problem>('GET', missingPatient);
    expect(english).toMatchObject({
      status: 404,
      body: { code: 'not_found', title: 'Not found', detail: 'No such patient.' },
    });
  });

  it('gets a 400 with each field’s message in Spanish, placeholders filled from the schema', async () => {
    const refused = await frontDesk.json<Problem>('POST', '/api/patients', {
      ...person,
      legalGivenName: ' ',
      legalFamilyName: 'x'.repeat(101),
      phone: 'call me',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'invalid_input',
      title: 'La solicitud tiene campos no válidos',
      detail: 'Faltan campos o algunos no son válidos.',
    });
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.legalGivenName', message: 'Ingrese el nombre legal' },
        { path: 'body.legalFamilyName', message: 'El nombre debe tener menos de 100 caracteres' },
        { path: 'body.phone', message: 'Use solo dígitos, espacios y + ( ) -' },
      ]),
    );
    const language = await frontDesk.json<Problem>('PUT', '/api/me/language', { language: 'vi' });
    expect(language.body.errors).toEqual([{ path: 'body.language', message: 'Elija uno de estos: en, es' }]);

    const english = await clinician.json<Problem>('POST', '/api/patients', {
      ...person,
      legalGivenName: ' ',
    });
    expect(english.body).toMatchObject({
      title: 'The request has invalid fields',
      errors: [{ path: 'body.legalGivenName', message: 'Enter the legal given name' }],
    });
  });

  it('gets a 409 in Spanish, its details as they are', async () => {
    const registered = await frontDesk.json('POST', '/api/patients', person);
    expect(registered.status).toBe(201);
    const twin = await frontDesk.json<Problem & { reason: string }>('POST', '/api/patients', person);
    expect(twin).toMatchObject({
      status: 409,
      body: {
        code: 'conflict',
        reason: 'possible_duplicate',
        title: 'Conflicto',
        detail:
          'Ya hay un paciente registrado con un nombre similar y la misma fecha de nacimiento. Abra el expediente existente o confirme que se trata de otra persona.',
      },
    });
  });

  it('gets English again once they follow the program, which reads English', async () => {
    await frontDesk.json('PUT', '/api/me/language', { language: null });
    const english = await frontDesk.json<Problem>('GET', missingPatient);
    expect(english.body).toMatchObject({ title: 'Not found', detail: 'No such patient.' });
    await frontDesk.json('PUT', '/api/me/language', { language: 'es' });
  });
});

describe("the program's default language", () => {
  it('reaches everyone who has not chosen, from their next request, and a stale change is refused in it', async () => {
    const admin = await server.signIn(demoAccountFor('admin').email);
    const setting = await admin.json<{ version: number }>('GET', '/api/organization/language');
    const changed = await admin.json<{ version: number }>('PUT', '/api/organization/language', {
      defaultLanguage: 'es',
      version: setting.body.version,
    });
    expect(changed.status).toBe(200);
    try {
      const spanish = await clinician.json<Problem>('GET', missingPatient);
      expect(spanish.body).toMatchObject({ title: 'No encontrado', detail: 'No existe ese paciente.' });
      const stale = await admin.json<Problem & { current: { defaultLanguage: string } }>(
        'PUT',
        '/api/organization/language',
        { defaultLanguage: 'en', version: setting.body.version },
      );
      expect(stale).toMatchObject({
        status: 409,
        body: {
          code: 'version_conflict',
          title: 'Otra persona lo cambió',
          detail: 'Otra persona cambió el idioma del programa; revise su cambio.',
          current: { defaultLanguage: 'es' },
        },
      });
    } finally {
      const restored = await admin.json('PUT', '/api/organization/language', {
        defaultLanguage: 'en',
        version: changed.body.version,
      });
      expect(restored.status).toBe(200);
    }
    const english = await clinician.json<Problem>('GET', missingPatient);
    expect(english.body).toMatchObject({ title: 'Not found' });
  });
});

describe('someone not signed in', () => {
  const signIn = (body: unknown, headers: Record<string, string> = {}) =>
    server.anonymous.request('POST', '/api/auth/sign-in/email', body, headers);

  it('is told a sign-in failed in the language their browser asks for', async () => {
    const email = demoAccountFor('clinician').email;
    const spanish = await signIn(
      { email, password: 'not-the-password' },
      { 'accept-language': 'es-MX,es;q=0.9' },
    );
    expect(spanish.status).toBe(401);
    expect(await spanish.json()).toMatchObject({
      title: 'No se pudo iniciar sesión',
      detail: 'El correo electrónico o la contraseña no son correctos.',
    });
    const invalid = await signIn({ email: 'nobody', password: '' }, { 'accept-language': 'es' });
    expect(await invalid.json()).toMatchObject({
      errors: expect.arrayContaining([
        { path: 'body.email', message: 'Ingrese una dirección de correo electrónico' },
        { path: 'body.password', message: 'Ingrese su contraseña' },
      ]),
    });
  });

  it('is answered in English when the browser asks for a language Tandem is not written in, or none', async () => {
    const email = demoAccountFor('clinician').email;
    for (const headers of [{ 'accept-language': 'vi,fr;q=0.8' }, {}] as Record<string, string>[]) {
      const english = await signIn({ email, password: 'not-the-password' }, headers);
      expect(await english.json()).toMatchObject({
        title: 'Sign-in failed',
        detail: 'The email or password is not correct.',
      });
    }
    const anonymous = await server.anonymous.request('GET', '/api/me', undefined, {
      'accept-language': 'es',
    });
    expect(await anonymous.json()).toMatchObject({
      title: 'Debe iniciar sesión',
      detail: 'Inicie sesión para continuar.',
    });
  });
});
