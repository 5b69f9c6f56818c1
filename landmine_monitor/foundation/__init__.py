"""The foundation every element stands on: the content version, e-mail, batching."""
