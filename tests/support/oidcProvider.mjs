// A real OpenID provider for the tests: oidc-provider (certified), run by node because it is an ES
// module jest's loader cannot take. Its own development login and consent pages sign in any of
// the accounts given; it prints `listening <issuer>` once it answers.
//
//   OIDC_PORT=… OIDC_CLIENT_ID=… OIDC_CLIENT_SECRET=… OIDC_REDIRECT_URL=… OIDC_ACCOUNTS='{"login":{"email":…,"email_verified":true,"name":…}}' node tests/support/oidcProvider.mjs
import Provider from 'oidc-provider';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const port = Number(env('OIDC_PORT'));
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(env('OIDC_ACCOUNTS'));

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: env('OIDC_CLIENT_ID'),
      client_secret: env('OIDC_CLIENT_SECRET'),
      redirect_uris: [env('OIDC_REDIRECT_URL')],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  findAccount: (_ctx, id) => (id in accounts ? { accountId: id, claims: () => ({ sub: id, ...accounts[id] }) } : undefined),
  pkce: { required: () => true, methods: ['S256'] },
  cookies: { keys: ['a test provider key, never a real one'] },
  features: { devInteractions: { enabled: true } },
});

const server = provider.listen(port, '127.0.0.1', () => console.log(`listening ${issuer}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close(() => process.exit(0)));
