"""USB bundles between sites: format, signing, encryption, import planning (later issues)."""
