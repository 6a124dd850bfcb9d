// API shapes, derived from the generated OpenAPI types so they are never typed twice by hand.
import type { paths } from './schema.generated.ts';

type JsonOk<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type Me = JsonOk<paths['/api/me']['get']>;
export type Role = Me['role'];
export type StaffMember = JsonOk<paths['/api/staff/{staffMemberId}']['get']>;
export type SignInBody = NonNullable<
  paths['/api/auth/sign-in/email']['post']['requestBody']
>['content']['application/json'];
export type SignInResult = JsonOk<paths['/api/auth/sign-in/email']['post']>;
export type AccountSecurity = JsonOk<paths['/api/me/security']['get']>;
export type TwoFactorEnrolment = JsonOk<paths['/api/auth/two-factor/enable']['post']>;
export type SignInPolicy = JsonOk<paths['/api/organization/sign-in-policy']['get']>;
