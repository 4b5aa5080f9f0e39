"""Per-language knowledge as data: tables the stages and name keys read (no language branches in code)."""
