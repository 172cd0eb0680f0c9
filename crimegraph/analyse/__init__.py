"""Every read of the knowledge base: dossiers, claims, events, articles, the network, paths, search, screening."""
