"""Bearer-token authentication: every endpoint but /healthz, /metrics and the docs needs it."""

from __future__ import annotations

import hmac

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.api.deps import ApiDeps, deps

_bearer = HTTPBearer(auto_error=False, description="the value of SITMON_API_TOKEN")


def require_token(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer), api: ApiDeps = Depends(deps)
) -> None:
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "missing bearer token: send `Authorization: Bearer <SITMON_API_TOKEN>`",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(credentials.credentials.encode(), api.token.encode()):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "invalid bearer token", headers={"WWW-Authenticate": "Bearer"}
        )
