import { acceptLanguagePreferences, matchUiLanguage, type UiLanguage } from '@tandem/core';
import type { FastifyRequest } from 'fastify';

/**
 * The language to answer a request in: the signed-in person's (Principal.language), else what the browser asks
 * for (Accept-Language), else English.
 */
export function requestLanguage(request: FastifyRequest): UiLanguage {
  return (
    request.principal?.language ??
    matchUiLanguage(acceptLanguagePreferences(request.headers['accept-language']))
  );
}
