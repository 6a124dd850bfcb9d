import scalar from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';

export const apiReferencePrefix = '/api/docs';
const scriptPath = `${apiReferencePrefix}/js/scalar.js`;

/**
 * Scalar's token fields show a joke as their placeholder ("ALL YOUR BASE ARE BELONG TO US" in base64), which
 * reads like a real credential on a page about patient records. The bundled script Tandem serves names what the
 * field holds instead. The int test fails if a Scalar upgrade changes the text this replaces.
 */
export const scalarJokePlaceholder = 'QUxMIFlPVVIgQkFTRSBBUkUgQkVMT05HIFRPIFVT';
export const tokenPlaceholder = 'session token';

/**
 * The API reference page (Scalar), served whole from this process so that it works offline: its script is the
 * copy bundled in @scalar/fastify-api-reference, its fonts are the system's. Scalar's hosted extras (AI chat,
 * MCP, deploy and share, telemetry) would invite people to send things to a third party, so they are off.
 */
export async function registerApiReference(app: FastifyInstance, openApiUrl: string): Promise<void> {
  let bundled: string | undefined;
  let served: string | undefined;
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.routeOptions.url !== scriptPath || typeof payload !== 'string') return payload;
    if (payload !== bundled) {
      bundled = payload;
      served = payload.replaceAll(
        `placeholder:\`${scalarJokePlaceholder}\``,
        `placeholder:\`${tokenPlaceholder}\``,
      );
    }
    return served;
  });
  await app.register(scalar, {
    routePrefix: apiReferencePrefix,
    configuration: {
      url: openApiUrl,
      pageTitle: 'Tandem API reference',
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never',
      telemetry: false,
      // Scalar's default fonts come from its own servers; the page uses the system's fonts instead.
      withDefaultFonts: false,
    },
  });
}
