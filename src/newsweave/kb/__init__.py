"""Knowledge about names: keys for comparing them, gazetteers and the user knowledge base."""
