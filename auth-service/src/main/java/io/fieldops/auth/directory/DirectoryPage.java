package io.fieldops.auth.directory;

import java.util.List;

/** In no particular order; ids that are not members of the caller's organisation are absent. */
public record DirectoryPage(List<DirectoryEntry> results) {}
