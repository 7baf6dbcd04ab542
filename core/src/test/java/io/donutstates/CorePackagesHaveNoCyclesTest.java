package io.donutstates;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core's packages (stock, sales, replenishment, messaging, ...) depend on each other in one
 * direction only, every one of them, with no exception: the outbox carries any {@code OutboxEvent},
 * a production order carries the factory's own {@code OrderReference}, and a product names its
 * {@code FactoryId} from stock's own words. Any cycle fails here.
 */
@AnalyzeClasses(packages = "io.donutstates", importOptions = ImportOption.DoNotIncludeTests.class)
class CorePackagesHaveNoCyclesTest {

    @ArchTest
    static final ArchRule core_packages_are_free_of_cycles = slices().matching("io.donutstates.(*)..")
            .should().beFreeOfCycles();
}
