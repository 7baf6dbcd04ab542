package io.donutstates;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core speaks the shop's language only: no Spring, no AWS, no JDBC, no HTTP, no JSON library. */
@AnalyzeClasses(packages = "io.donutstates", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreIsFrameworkFreeTest {

    @ArchTest
    static final ArchRule core_depends_on_no_framework_or_io = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "software.amazon..", "com.amazonaws..", "java.sql..", "javax.sql..",
                    "java.net.http..", "tools.jackson..", "com.fasterxml..", "jakarta..", "org.slf4j..",
                    "io.github.resilience4j..", "io.micrometer..");
}
