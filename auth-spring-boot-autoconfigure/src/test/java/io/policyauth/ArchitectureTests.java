package io.policyauth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The import table of ARCHITECTURE.md ("Packages and what they may import"), checked on the
 * compiled classes: a forbidden import fails the build and names the class and the line.
 */
class ArchitectureTests {

    /* The packages that make one mechanism each; a mechanism's sub-packages belong to it. */
    private static final List<String> MECHANISMS = List.of("jwt", "apikey", "network", "remote", "audit", "tenant",
            "resource", "ratelimit");

    private static final String[] SERVLET_STACK = {"jakarta.servlet..", "org.springframework.web.servlet.."};
    private static final String[] REACTIVE_STACK = {"reactor..", "org.springframework.web.reactive..",
        "org.springframework.web.server..", "org.springframework.http.server.reactive.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.policyauth");
    }

    @Test
    void coreImportsNoSpringNoWebStackNoDriverAndNothingOfOursButItself() {
        check(noClasses().that().resideInAPackage("io.policyauth.core..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "reactor..", "com.nimbusds..",
                        "com.mongodb..", "org.bson..", "tools.jackson..", "com.github.benmanes..")
                .orShould().dependOnClassesThat().resideInAnyPackage(outsideCore()));
    }

    @Test
    void mechanismsImportNeitherOneAnotherNorTheFrontsNorTheAutoConfiguration() {
        for (String mechanism : MECHANISMS) {
            List<String> forbidden = new ArrayList<>(List.of("io.policyauth.web..", "io.policyauth.gateway..",
                    "io.policyauth.admin..", "io.policyauth.actuate..", "io.policyauth.openapi..",
                    "io.policyauth.autoconfigure..", "io.policyauth.test.."));
            MECHANISMS.stream().filter(other -> !other.equals(mechanism))
                    .forEach(other -> forbidden.add("io.policyauth." + other + ".."));
            check(noClasses().that().resideInAPackage("io.policyauth." + mechanism + "..").should()
                    .dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .as("%s imports no other mechanism, front or auto-configuration".formatted(mechanism)));
        }
    }

    @Test
    void theSharedWebPackageAndTheGatewayImportNoWebStack() {
        check(noClasses().that().resideInAnyPackage("io.policyauth.web", "io.policyauth.gateway").should()
                .dependOnClassesThat().resideInAnyPackage(SERVLET_STACK).orShould().dependOnClassesThat()
                .resideInAnyPackage(REACTIVE_STACK).orShould().dependOnClassesThat()
                .resideInAnyPackage("io.policyauth.web.servlet..", "io.policyauth.web.reactive..",
                        "io.policyauth.autoconfigure.."));
    }

    @Test
    void eachFrontImportsOnlyItsOwnStack() {
        check(noClasses().that().resideInAPackage("io.policyauth.web.servlet..").should().dependOnClassesThat()
                .resideInAnyPackage(REACTIVE_STACK).orShould().dependOnClassesThat()
                .resideInAnyPackage("io.policyauth.web.reactive..", "io.policyauth.autoconfigure.."));
        check(noClasses().that().resideInAPackage("io.policyauth.web.reactive..").should().dependOnClassesThat()
                .resideInAnyPackage(SERVLET_STACK).orShould().dependOnClassesThat()
                .resideInAnyPackage("io.policyauth.web.servlet..", "io.policyauth.autoconfigure.."));
    }

    @Test
    void theReadersOfDescriptionsImportNoMechanismNoFrontAndNoAutoConfiguration() {
        List<String> forbidden = new ArrayList<>(List.of("io.policyauth.web.servlet..", "io.policyauth.web.reactive..",
                "io.policyauth.autoconfigure.."));
        MECHANISMS.forEach(mechanism -> forbidden.add("io.policyauth." + mechanism + ".."));
        check(noClasses().that().resideInAnyPackage("io.policyauth.actuate..", "io.policyauth.openapi..").should()
                .dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new)));
    }

    @Test
    void theCacheHelpersImportCaffeineAndNothingOfOurs() {
        check(noClasses().that().resideInAPackage("io.policyauth.cache..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "reactor..")
                .orShould().dependOnClassesThat().resideOutsideOfPackages("io.policyauth.cache..", "java..",
                        "org.jspecify..", "com.github.benmanes.caffeine..")
                .as("cache imports the JDK and Caffeine only"));
    }

    @Test
    void packagesOutsideTheAutoConfigurationHaveNoCycles() {
        check(slices().matching("io.policyauth.(**)").should().beFreeOfCycles().ignoreDependency(
                DescribedPredicate.describe("an auto-configuration", javaClass -> javaClass.getPackageName()
                        .startsWith("io.policyauth.autoconfigure")), DescribedPredicate.alwaysTrue()));
    }

    private static String[] outsideCore() {
        return List.of("web..", "gateway..", "actuate..", "openapi..", "autoconfigure..", "jwt..", "apikey..",
                "network..", "remote..", "audit..", "tenant..", "admin..", "resource..", "ratelimit..", "cache..")
                .stream()
                .map(name -> "io.policyauth." + name)
                .toArray(String[]::new);
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
