package io.donutstates.lambda;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The handlers translate an event to the shared contracts and back: the database and the queues are
 * reached only through the shop's composition root ({@link LambdaShop}) and its parts.
 */
@AnalyzeClasses(packages = "io.donutstates.lambda", importOptions = ImportOption.DoNotIncludeTests.class)
class HandlersAreThinTest {

    @ArchTest
    static final ArchRule handlers_never_reach_jdbc_or_sqs_adapters = noClasses()
            .that().implement(RequestHandler.class)
            .should().dependOnClassesThat().haveSimpleNameStartingWith("Jdbc")
            .orShould().dependOnClassesThat().haveSimpleNameStartingWith("SpringJdbc")
            .orShould().dependOnClassesThat().haveSimpleNameStartingWith("Sqs")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("software.amazon.awssdk.services.sqs.SqsClient");
}
