package io.donutstates.audit;

/** What the audit reads of one ledger line: its position, its change and the balance it claims after it. */
public record LedgerLine(long id, int change, long balanceAfter) { }
