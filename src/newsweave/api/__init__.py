"""The REST API (FastAPI) and the data views that the API and the web pages share."""
