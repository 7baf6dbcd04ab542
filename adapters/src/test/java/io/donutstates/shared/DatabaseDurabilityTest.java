package io.donutstates.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.donutstates.shared.DatabaseDurability.Settings;
import org.junit.jupiter.api.Test;

class DatabaseDurabilityTest {

    @Test
    void flushing_at_every_commit_without_a_binary_log_is_durable() {
        var verdict = DatabaseDurability.of(new Settings(1, false, 0), false);

        assertThat(verdict.durable()).contains(true);
        assertThat(verdict.warning()).isEmpty();
        assertThat(verdict.details()).containsEntry("durable", true).doesNotContainKey("warning");
    }

    @Test
    void flushing_at_every_commit_with_a_synced_binary_log_is_durable() {
        assertThat(DatabaseDurability.of(new Settings(1, true, 1), false).durable()).contains(true);
    }

    @Test
    void flushing_the_redo_log_once_a_second_is_not_durable_and_says_what_it_risks() {
        var verdict = DatabaseDurability.of(new Settings(2, false, 0), false);

        assertThat(verdict.durable()).contains(false);
        assertThat(verdict.warning()).hasValueSatisfying(warning -> assertThat(warning)
                .contains("innodb_flush_log_at_trx_commit is 2, should be 1")
                .contains("acknowledged sales can be lost on an OS crash or power loss")
                .doesNotContain("sync_binlog"));
        assertThat(verdict.details())
                .containsEntry("durable", false)
                .containsEntry("innodb_flush_log_at_trx_commit", 2L)
                .containsEntry("relaxedByChoice", false)
                .containsKey("warning");
    }

    @Test
    void a_binary_log_not_synced_at_every_commit_is_not_durable() {
        var verdict = DatabaseDurability.of(new Settings(1, true, 0), false);

        assertThat(verdict.durable()).contains(false);
        assertThat(verdict.warning()).hasValueSatisfying(warning -> assertThat(warning)
                .contains("sync_binlog is 0 with binary logging on, should be 1")
                .doesNotContain("innodb_flush_log_at_trx_commit"));
    }

    @Test
    void both_problems_are_named_in_one_warning() {
        assertThat(DatabaseDurability.of(new Settings(0, true, 100), false).warning()).hasValueSatisfying(warning ->
                assertThat(warning).contains("innodb_flush_log_at_trx_commit is 0").contains("sync_binlog is 100"));
    }

    @Test
    void relaxed_durability_by_choice_is_still_reported_as_not_durable() {
        var verdict = DatabaseDurability.of(new Settings(2, false, 0), true);

        assertThat(verdict.durable()).contains(false);
        assertThat(verdict.details()).containsEntry("relaxedByChoice", true).containsKey("warning");
    }

    @Test
    void settings_that_could_not_be_read_give_an_unknown_verdict_with_the_reason() {
        var verdict = new DatabaseDurability(null, false, "BadSqlGrammarException: Unknown system variable");

        assertThat(verdict.durable()).isEmpty();
        assertThat(verdict.details()).containsEntry("durable", "unknown")
                .doesNotContainKey("innodb_flush_log_at_trx_commit");
        assertThat(verdict.warning()).hasValueSatisfying(warning ->
                assertThat(warning).contains("Unknown system variable").contains("OS crash or power loss"));
    }

    @Test
    void full_is_the_default_and_relaxed_is_the_only_opt_in() {
        assertThat(DatabaseDurability.relaxedByChoice("DONUT_DB_DURABILITY", null)).isFalse();
        assertThat(DatabaseDurability.relaxedByChoice("DONUT_DB_DURABILITY", " ")).isFalse();
        assertThat(DatabaseDurability.relaxedByChoice("DONUT_DB_DURABILITY", "full")).isFalse();
        assertThat(DatabaseDurability.relaxedByChoice("DONUT_DB_DURABILITY", " Relaxed ")).isTrue();
    }

    @Test
    void any_other_durability_is_refused_naming_the_setting_and_the_allowed_values() {
        assertThatThrownBy(() -> DatabaseDurability.relaxedByChoice("DONUT_DB_DURABILITY", "fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DONUT_DB_DURABILITY must be 'full' or 'relaxed' (got 'fast')");
    }
}
