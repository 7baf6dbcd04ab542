package io.donutstates.allinone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's controllers and servlet translate HTTP to the shared contracts and use cases and back:
 * they never build or call a JDBC adapter or the SQS client themselves. Two admin controllers still
 * name an adapter they are given ({@code StockAuditController}: {@code JdbcStockAudit};
 * {@code OpsSummaryController}: the alerts of {@code ShopReads}); they are left out until those reads
 * have read models of their own.
 */
@AnalyzeClasses(packages = "io.donutstates", importOptions = ImportOption.DoNotIncludeTests.class)
class ControllersAreThinTest {

    @ArchTest
    static final ArchRule controllers_never_reach_jdbc_or_sqs = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .and().doNotHaveSimpleName("StockAuditController")
            .and().doNotHaveSimpleName("OpsSummaryController")
            .or().haveSimpleName("SalesServlet")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("Jdbc")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.donutstates.messaging.SqsQueues")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("software.amazon.awssdk.services.sqs.SqsClient");
}
