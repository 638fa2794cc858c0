"""Bearer tokens with scopes: every endpoint but /healthz, /metrics and the docs needs one.

A token is either the one admin token set by SITMON_API_TOKEN (named `SITMON_API_TOKEN` in
the audit trail) or a named token made by `sitmon tokens create`, stored as a hash on the
tokens topic with the scope `read` or `admin`. Routes depend on `require_read` (any valid
token) or `require_admin`; both give the route the `Principal`, whose name audit events carry.
No token: 401. A revoked or unknown token: 401. A `read` token on an admin route: 403.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.api.deps import ApiDeps, deps
from streams.access import ENV_TOKEN_NAME, Scope, find_token

_bearer = HTTPBearer(auto_error=False, description="SITMON_API_TOKEN, or a token from `sitmon tokens create`")


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token's name (never its value) and its scope."""

    name: str
    scope: Scope


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, message, headers={"WWW-Authenticate": "Bearer"})


async def authenticate(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer), api: ApiDeps = Depends(deps)
) -> Principal:
    if credentials is None:
        raise _unauthorized("missing bearer token: send `Authorization: Bearer <token>`")
    presented = credentials.credentials
    if api.token is not None and hmac.compare_digest(presented.encode(), api.token.encode()):
        return Principal(ENV_TOKEN_NAME, "admin")
    token = find_token(await api.log.api_tokens(), presented)
    if token is None:
        raise _unauthorized("invalid bearer token")  # unknown and revoked alike: no oracle for which
    return Principal(token.name, token.scope)


async def require_read(principal: Principal = Depends(authenticate)) -> Principal:
    return principal  # both scopes read


async def require_admin(principal: Principal = Depends(authenticate)) -> Principal:
    if principal.scope != "admin":
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, f"token {principal.name!r} has scope {principal.scope}; this needs admin"
        )
    return principal
