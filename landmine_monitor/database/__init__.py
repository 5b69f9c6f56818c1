"""The central database: countries and areas, sources (with the citation reader), treaties,
UN votes, editions, facts and the bundled reference data."""
