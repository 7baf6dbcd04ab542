package io.donutstates.allinone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's controllers and servlet translate HTTP to the shared contracts and use cases and back:
 * they never build or call a JDBC or SQS adapter or the SQS client themselves.
 */
@AnalyzeClasses(packages = "io.donutstates", importOptions = ImportOption.DoNotIncludeTests.class)
class ControllersAreThinTest {

    @ArchTest
    static final ArchRule controllers_never_reach_jdbc_or_sqs = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .or().haveSimpleName("SalesServlet")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("Jdbc")
            .orShould().dependOnClassesThat().haveSimpleNameStartingWith("Sqs")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("software.amazon.awssdk.services.sqs.SqsClient");
}
