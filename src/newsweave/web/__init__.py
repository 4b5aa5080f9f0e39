"""The web app: server-rendered pages over the store (it reads, never analyses)."""
