package br.com.crm;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component rules of docs/ARCHITECTURE.md, checked on the compiled classes of both modules (crm-ejb is on this
 * module's classpath): components of crm-ejb point one way, down the layers below; crm-web sees boundaries and
 * entities, never controls; a boundary never injects another boundary.
 */
class ArchitectureTest {

    /** crm-ejb's components, lowest first. A component may use those of its own layer and of the layers below. */
    static final List<List<String>> LAYERS = List.of(
            List.of("kernel", "database"),
            List.of("security"),
            List.of("erp", "audit"),
            List.of("customer", "operations"),
            List.of("stage", "tag"),
            List.of("subject"),
            List.of("activity", "note", "proposal"),
            List.of("mail"),
            List.of("funnel"),
            List.of("report", "timeline", "webhook", "privacy"),
            List.of("demo"));

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("br.com.crm");
    }

    /** Held in HTTP sessions, which a cluster keeps on its data grid: serialized after every request. */
    static final DescribedPredicate<JavaClass> SESSION_HELD = DescribedPredicate.describe("session-held beans",
            c -> c.isAnnotatedWith(SessionScoped.class) || c.isAnnotatedWith(ViewScoped.class));

    @Test
    void whatASessionHoldsCanBeSerialized() {
        classes().that(SESSION_HELD).should().beAssignableTo(Serializable.class).check(classes);
        fields().that().areDeclaredInClassesThat(SESSION_HELD).and().areNotStatic()
                .and().doNotHaveModifier(JavaModifier.TRANSIENT)
                .and().areNotAnnotatedWith(Inject.class).and().areNotAnnotatedWith(EJB.class)
                .should(new ArchCondition<>("hold a serializable value") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        JavaClass type = field.getRawType();
                        while (type.isArray()) {
                            type = type.getComponentType();
                        }
                        boolean serializable = type.isPrimitive() || type.isAssignableTo(Serializable.class)
                                || type.isInterface() && type.getPackageName().startsWith("java.util");
                        events.add(new SimpleConditionEvent(field, serializable,
                                field.getFullName() + " is a " + type.getName()));
                    }
                })
                .because("a session that cannot be serialized is lost when its server dies (docs/ARCHITECTURE.md)")
                .check(classes);
    }

    /** Deny by default: a business entry point says who may call it, and the container checks it. */
    @Test
    void everyBoundaryBeanSaysWhichRolesMayCallIt() {
        classes().that().resideInAPackage("br.com.crm..boundary")
                .and(annotatedWith(Stateless.class).or(annotatedWith(Singleton.class)))
                .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .check(classes);
    }

    @Test
    void everyComponentOfTheEjbModuleIsInALayer() {
        List<String> layered = LAYERS.stream().flatMap(List::stream).toList();
        List<String> found = classes.stream().map(JavaClass::getPackageName)
                .filter(p -> p.startsWith("br.com.crm.") && !p.startsWith("br.com.crm.web"))
                .map(p -> p.substring("br.com.crm.".length()).split("\\.")[0]).distinct().toList();
        assertThat(layered).containsAll(found);
    }

    @Test
    void componentsUseOnlyTheirOwnLayerAndTheLayersBelow() {
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = new ArrayList<>();
            LAYERS.subList(i + 1, LAYERS.size()).forEach(above::addAll);
            if (above.isEmpty()) {
                continue;
            }
            noClasses().that().resideInAnyPackage(packages(LAYERS.get(i)))
                    .should().dependOnClassesThat().resideInAnyPackage(packages(above))
                    .because("components point one way: " + LAYERS.get(i) + " lies below " + above)
                    .check(classes);
        }
    }

    @Test
    void noCycleBetweenComponents() {
        slices().matching("br.com.crm.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("br.com.crm.web.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEjbModuleNeverNamesTheWebModule() {
        noClasses().that().resideOutsideOfPackage("br.com.crm.web..")
                .should().dependOnClassesThat().resideInAPackage("br.com.crm.web..")
                .check(classes);
    }

    @Test
    void theWebModuleNeverReachesAControl() {
        noClasses().that().resideInAPackage("br.com.crm.web..")
                .should().dependOnClassesThat().resideInAPackage("br.com.crm..control..")
                .because("pages and resources call boundaries; controls are shared behind them")
                .check(classes);
    }

    @Test
    void jsonIsMadeByTheProviderLookedUpOnce() {
        noClasses().that().doNotHaveFullyQualifiedName("br.com.crm.kernel.Jsonp")
                .should().callMethodWhere(DescribedPredicate.describe("a factory method of jakarta.json.Json",
                        call -> call.getTargetOwner().isEquivalentTo(jakarta.json.Json.class)))
                .because("jakarta.json.Json looks its provider up on every call, a scan of the class path (Jsonp)")
                .check(classes);
    }

    @Test
    void aBoundaryNeverInjectsAnotherBoundary() {
        fields().that().areDeclaredInClassesThat(BOUNDARY)
                .and().areAnnotatedWith(Inject.class).or().areAnnotatedWith(EJB.class)
                .should(notHoldA(BOUNDARY))
                .because("a boundary is an entry point (a proxy, a role check, a transaction); share through a control")
                .check(classes);
    }

    /** An EJB in a boundary package: an entry point of its component. */
    static final DescribedPredicate<JavaClass> BOUNDARY = DescribedPredicate.describe("boundaries",
            c -> c.getPackageName().endsWith(".boundary")
                    && (c.isAnnotatedWith(Stateless.class) || c.isAnnotatedWith(Singleton.class)));

    private static ArchCondition<JavaField> notHoldA(DescribedPredicate<JavaClass> kind) {
        return new ArchCondition<>("not hold one of the " + kind.getDescription()) {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                if (field.getOwner().getPackageName().endsWith(".boundary") && kind.test(field.getRawType())) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " injects "
                            + field.getRawType().getName()));
                }
            }
        };
    }

    private static String[] packages(List<String> components) {
        return components.stream().map(c -> "br.com.crm." + c + "..").toArray(String[]::new);
    }
}
