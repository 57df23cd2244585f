"""Pages of the knowledge base: `public` for readers, `editing` for editors' corrections."""
