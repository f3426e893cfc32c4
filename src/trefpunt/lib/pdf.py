"""HTML to PDF with WeasyPrint, offline: toolkits and reports may embed only inline ``data:``
resources, so rendering never reaches the network or the disk."""


def _offline_fetcher():
    try:
        from weasyprint.urls import URLFetcher  # noqa: PLC0415 (heavy, loaded on first use)
    except ImportError:  # WeasyPrint < 66 takes a plain function
        from weasyprint import default_url_fetcher  # noqa: PLC0415 (heavy, loaded on first use)

        def fetch(url, *args, **kwargs):
            if not url.startswith("data:"):
                raise ValueError(f"refusing to fetch {url}")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch
    return URLFetcher(allowed_protocols={"data"})


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 (heavy, loaded on first use)

    return HTML(string=html, url_fetcher=_offline_fetcher()).write_pdf()
