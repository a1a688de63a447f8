package dev.limiter.cdk.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Reads the statements of a synthesised managed policy, found by its unique description. */
final class PolicyDocuments {

    private PolicyDocuments() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Template template, String description) {
        Map<String, Map<String, Object>> found = template.findResources("AWS::IAM::ManagedPolicy",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Description", description)))));
        assertThat(found).as("managed policies described as '%s'", description).hasSize(1);
        Map<String, Object> properties = (Map<String, Object>) found.values().iterator().next().get("Properties");
        Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
        return (List<Map<String, Object>>) document.get("Statement");
    }

    /** The statement's actions; CloudFormation allows a single action as a plain string. */
    @SuppressWarnings("unchecked")
    static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof String ? List.of((String) action) : (List<String>) action;
    }
}
