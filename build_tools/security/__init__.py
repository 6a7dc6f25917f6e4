"""Making content safe for every output context (HTML, attributes, scripts, URLs)."""
