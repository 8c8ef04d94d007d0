package io.policyauth.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The application's {@code /v3/api-docs}, read as a test reads it. */
record ApiDocs(String json) {

    static ApiDocs fetch(RestTestClient client) {
        return new ApiDocs(client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
    }

    /**
     * @return every operation: path, upper-case method and the operation object
     */
    List<DocumentedOperation> operations() {
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(json, "$.paths");
        List<DocumentedOperation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) ->
                operations.add(new DocumentedOperation(path, method.toUpperCase(), operation))));
        return operations;
    }

    DocumentedOperation operation(String method, String path) {
        return operations().stream().filter(op -> op.method().equals(method) && op.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("No operation " + method + " " + path + " in " + json));
    }

    /** One operation of the document. */
    record DocumentedOperation(String path, String method, Map<String, Object> operation) {

        @SuppressWarnings("unchecked")
        List<Map<String, List<String>>> security() {
            return (List<Map<String, List<String>>>) operation.get("security");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> policyAuth() {
            return (Map<String, Object>) operation.get("x-policy-auth");
        }

        @SuppressWarnings("unchecked")
        List<String> roles() {
            return (List<String>) policyAuth().get("roles");
        }

        boolean open() {
            return Boolean.TRUE.equals(policyAuth().get("open"));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> responses() {
            return (Map<String, Object>) operation.get("responses");
        }

        String description() {
            return String.valueOf(operation.get("description"));
        }

        /** A concrete request path: each {variable} replaced. */
        String examplePath() {
            return path.replaceAll("\\{[^}]+}", "x1");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
