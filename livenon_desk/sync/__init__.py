"""The desk's side of the central API: the HTTP client, its retries and its errors."""
