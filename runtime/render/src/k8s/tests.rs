use super::{check, Problem, MAX_ERRORS};
use tenon_eval::export::Data;

/// Data from JSON text, fields in their order (a `serde_json::Value`
/// would sort them); numbers are spelled as Rust prints them.
fn data(json: &str) -> Data {
    serde_json::from_str::<Json>(json).expect("test JSON").0
}

struct Json(Data);

impl<'de> serde::Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> serde::de::Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JSON")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json(Data::Null))
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json(Data::Bool(b)))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json(Data::Number(n.to_string())))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json(Data::Number(n.to_string())))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Json, E> {
        Ok(Json(Data::Number(x.to_string())))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json(Data::String(s.to_string())))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(Json(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json(Data::List(items)))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields = Vec::new();
        while let Some((key, Json(value))) = map.next_entry::<String, Json>()? {
            fields.push((key, value));
        }
        Ok(Json(Data::Struct(fields)))
    }
}

/// The problems of an object as `path: message` lines.
fn problems(json: &str) -> Vec<String> {
    check(&data(json)).iter().map(Problem::to_string).collect()
}

/// A Deployment whose pod spec is `pod_spec` and whose `replicas` is
/// `replicas` (JSON text).
fn deployment(replicas: &str, pod_spec: &str) -> String {
    format!(
        r#"{{
  "apiVersion": "apps/v1",
  "kind": "Deployment",
  "metadata": {{
    "name": "web",
    "namespace": "default",
    "labels": {{"app.oam.dev/name": "shop", "app.oam.dev/component": "web"}}
  }},
  "spec": {{
    "replicas": {replicas},
    "selector": {{"matchLabels": {{"app.oam.dev/component": "web"}}}},
    "template": {{
      "metadata": {{"labels": {{"app.oam.dev/component": "web"}}}},
      "spec": {pod_spec}
    }}
  }}
}}"#
    )
}

const POD_SPEC: &str = r#"{
  "containers": [{
    "name": "web",
    "image": "nginx:1.27",
    "imagePullPolicy": "IfNotPresent",
    "ports": [{"containerPort": 80, "name": "http", "protocol": "TCP"}],
    "env": [{"name": "MODE", "value": "prod"}],
    "resources": {"limits": {"cpu": 0.5, "memory": "256Mi"}, "requests": {"cpu": "100m"}},
    "readinessProbe": {"httpGet": {"path": "/", "port": "http"}, "periodSeconds": 10},
    "livenessProbe": {"tcpSocket": {"port": 80}}
  }],
  "volumes": [{"name": "cache", "emptyDir": {}}],
  "nodeSelector": null
}"#;

#[test]
fn valid_deployment() {
    assert_eq!(problems(&deployment("3", POD_SPEC)), Vec::<String>::new());
}

#[test]
fn unknown_field_deep_in_pod_spec() {
    let spec = POD_SPEC.replace("\"imagePullPolicy\"", "\"imagePullPolcy\"");
    assert_eq!(
        problems(&deployment("3", &spec)),
        [
            "spec.template.spec.containers.0.imagePullPolcy: unknown field \"imagePullPolcy\" of \
             Container (did you mean \"imagePullPolicy\"?)"
        ]
    );
}

#[test]
fn unknown_fields_everywhere_in_document_order() {
    let spec = POD_SPEC.replace("\"volumes\"", "\"volumez\"");
    let object = deployment("3", &spec)
        .replace("\"namespace\"", "\"nameSpace\"")
        .replace(
            "\"selector\"",
            "\"strategy\": {\"type\": \"Recreate\"}, \"extra\": [1], \"selector\"",
        );
    assert_eq!(
        problems(&object),
        [
            "metadata.nameSpace: unknown field \"nameSpace\" of ObjectMeta \
             (did you mean \"namespace\"?)",
            "spec.extra: unknown field \"extra\" of DeploymentSpec",
            "spec.template.spec.volumez: unknown field \"volumez\" of PodSpec \
             (did you mean \"volumes\"?)",
        ]
    );
}

#[test]
fn string_for_an_integer() {
    assert_eq!(
        problems(&deployment("\"3\"", POD_SPEC)),
        ["spec.replicas: expected an integer (int32), found the string \"3\""]
    );
}

#[test]
fn numbers_that_are_no_integers() {
    assert_eq!(
        problems(&deployment("3.5", POD_SPEC)),
        ["spec.replicas: expected an integer (int32), found the number 3.5"]
    );
    assert_eq!(
        problems(&deployment("4294967296", POD_SPEC)),
        ["spec.replicas: invalid value the integer 4294967296: expected an integer (int32)"]
    );
    let mut object = data(&deployment("1", POD_SPEC));
    set_replicas(&mut object, "1E+3");
    let found: Vec<String> = check(&object).iter().map(Problem::to_string).collect();
    assert_eq!(
        found,
        ["spec.replicas: expected an integer (int32), found the number 1000"]
    );
}

fn set_replicas(object: &mut Data, text: &str) {
    let spec = crate::data::field_mut(object, "spec").expect("spec");
    crate::data::set(spec, "replicas", Data::Number(text.to_string()));
}

#[test]
fn every_wrong_value_is_reported() {
    let spec = POD_SPEC
        .replace("\"containerPort\": 80", "\"containerPort\": \"80\"")
        .replace("\"value\": \"prod\"", "\"value\": 8080")
        .replace("\"imagePullPolicy\"", "\"imagePullPolcy\"");
    assert_eq!(
        problems(&deployment("\"3\"", &spec)),
        [
            "spec.replicas: expected an integer (int32), found the string \"3\"",
            "spec.template.spec.containers.0.imagePullPolcy: unknown field \"imagePullPolcy\" of \
             Container (did you mean \"imagePullPolicy\"?)",
            "spec.template.spec.containers.0.ports.0.containerPort: expected an integer (int32), \
             found the string \"80\"",
            "spec.template.spec.containers.0.env.0.value: expected a string, \
             found the integer 8080",
        ]
    );
}

#[test]
fn missing_required_fields() {
    let spec = r#"{"containers": [{"image": "nginx"}]}"#;
    assert_eq!(
        problems(&deployment("1", spec)),
        ["spec.template.spec.containers.0.name: required field is missing"]
    );
    let spec = r#"{"initContainers": []}"#;
    assert_eq!(
        problems(&deployment("1", spec)),
        ["spec.template.spec.containers: required field is missing"]
    );
}

#[test]
fn a_required_field_of_the_wrong_type_is_one_problem() {
    assert_eq!(
        problems(&deployment("1", r#"{"containers": {"name": "web"}}"#)),
        ["spec.template.spec.containers: expected a list, found a struct"]
    );
    assert_eq!(
        problems(&deployment("1", r#"{"containers": [{"name": 7}]}"#)),
        ["spec.template.spec.containers.0.name: expected a string, found the integer 7"]
    );
}

#[test]
fn a_struct_of_the_wrong_type_names_its_type() {
    assert_eq!(
        problems(&deployment("1", r#"{"containers": ["web"]}"#)),
        ["spec.template.spec.containers.0: expected a struct (Container), found the string \"web\""]
    );
}

#[test]
fn map_keys_that_are_not_plain_names_are_quoted() {
    let object = deployment("1", POD_SPEC).replace("\"shop\"", "true");
    assert_eq!(
        problems(&object),
        ["metadata.labels.\"app.oam.dev/name\": expected a string, found the boolean true"]
    );
}

#[test]
fn service_with_a_bad_port() {
    let service = |port: &str| {
        format!(
            r#"{{"apiVersion": "v1", "kind": "Service",
              "metadata": {{"name": "web"}},
              "spec": {{"type": "ClusterIP", "selector": {{"app": "web"}},
                "ports": [{{"name": "http", "port": {port}, "targetPort": "http"}},
                          {{"port": 9090, "targetPort": 9090}}]}}}}"#
        )
    };
    assert_eq!(problems(&service("80")), Vec::<String>::new());
    assert_eq!(
        problems(&service("\"http\"")),
        ["spec.ports.0.port: expected an integer (int32), found the string \"http\""]
    );
    assert_eq!(
        problems(&service("[80]")),
        ["spec.ports.0.port: expected an integer (int32), found a list"]
    );
}

#[test]
fn unknown_kinds_are_not_checked() {
    let clone_set = r#"{"apiVersion": "apps.kruise.io/v1alpha1", "kind": "CloneSet",
        "metadata": {"name": "web"},
        "spec": {"replicas": "3", "anything": {"goes": true}}}"#;
    assert_eq!(problems(clone_set), Vec::<String>::new());
    // A custom resource may reuse a built-in kind's name.
    let stateful_set = r#"{"apiVersion": "apps.kruise.io/v1beta1", "kind": "StatefulSet",
        "spec": {"reserveOrdinals": [1], "replicas": "3"}}"#;
    assert_eq!(problems(stateful_set), Vec::<String>::new());
    assert_eq!(problems(r#"{"kind": "Deployment"}"#), Vec::<String>::new());
    assert_eq!(problems("[1, 2]"), Vec::<String>::new());
}

#[test]
fn built_in_kinds_under_an_unserved_api_version() {
    let ingress =
        r#"{"apiVersion": "extensions/v1beta1", "kind": "Ingress", "metadata": {"name": "web"}}"#;
    assert_eq!(
        problems(ingress),
        ["apiVersion: Kubernetes serves no Ingress as extensions/v1beta1: use networking.k8s.io/v1"]
    );
    let hpa = r#"{"apiVersion": "autoscaling/v2beta2", "kind": "HorizontalPodAutoscaler"}"#;
    assert_eq!(
        problems(hpa),
        [
            "apiVersion: Kubernetes serves no HorizontalPodAutoscaler as autoscaling/v2beta2: use \
          autoscaling/v1 or autoscaling/v2"
        ]
    );
    let core_deployment = r#"{"apiVersion": "v1", "kind": "Deployment"}"#;
    assert_eq!(
        problems(core_deployment),
        ["apiVersion: Kubernetes serves no Deployment as v1: use apps/v1"]
    );
}

#[test]
fn valid_ingress() {
    let ingress = r#"{
      "apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
      "metadata": {"name": "web",
        "annotations": {"nginx.ingress.kubernetes.io/rewrite-target": "/"}},
      "spec": {
        "ingressClassName": "nginx",
        "tls": [{"hosts": ["shop.example.com"], "secretName": "shop-tls"}],
        "rules": [{"host": "shop.example.com", "http": {"paths": [
          {"path": "/", "pathType": "Prefix",
           "backend": {"service": {"name": "web", "port": {"number": 80}}}},
          {"path": "/api", "pathType": "ImplementationSpecific",
           "backend": {"service": {"name": "api", "port": {"name": "http"}}}}
        ]}}]
      }
    }"#;
    assert_eq!(problems(ingress), Vec::<String>::new());
    let bad = ingress.replace("{\"number\": 80}", "80");
    assert_eq!(
        problems(&bad),
        ["spec.rules.0.http.paths.0.backend.service.port: expected a struct (ServiceBackendPort), \
          found the integer 80"]
    );
}

#[test]
fn valid_horizontal_pod_autoscaler() {
    let hpa = r#"{
      "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
      "metadata": {"name": "web"},
      "spec": {
        "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
        "minReplicas": 1, "maxReplicas": 10,
        "metrics": [
          {"type": "Resource", "resource": {"name": "cpu",
            "target": {"type": "Utilization", "averageUtilization": 50}}},
          {"type": "Resource", "resource": {"name": "memory",
            "target": {"type": "AverageValue", "averageValue": "500Mi"}}}
        ],
        "behavior": {"scaleDown": {"stabilizationWindowSeconds": 300,
          "policies": [{"type": "Pods", "value": 1, "periodSeconds": 60}]}}
      }
    }"#;
    assert_eq!(problems(hpa), Vec::<String>::new());
    // autoscaling/v1's field is not v2's.
    let v1_style = hpa.replace(
        "\"minReplicas\": 1",
        "\"targetCPUUtilizationPercentage\": 80",
    );
    assert_eq!(
        problems(&v1_style),
        ["spec.targetCPUUtilizationPercentage: unknown field \"targetCPUUtilizationPercentage\" of \
          HorizontalPodAutoscalerSpec"]
    );
}

#[test]
fn valid_cron_job() {
    let cron_job = r#"{
      "apiVersion": "batch/v1", "kind": "CronJob",
      "metadata": {"name": "report"},
      "spec": {
        "schedule": "*/5 * * * *", "timeZone": "Etc/UTC", "concurrencyPolicy": "Forbid",
        "successfulJobsHistoryLimit": 3, "suspend": false,
        "jobTemplate": {"spec": {"backoffLimit": 2, "template": {"spec": {
          "restartPolicy": "OnFailure",
          "containers": [{"name": "report", "image": "busybox", "command": ["sh", "-c", "date"]}]
        }}}}
      }
    }"#;
    assert_eq!(problems(cron_job), Vec::<String>::new());
    let bad = cron_job.replace("\"suspend\": false", "\"suspend\": \"false\"");
    assert_eq!(
        problems(&bad),
        ["spec.suspend: expected a boolean, found the string \"false\""]
    );
}

#[test]
fn secrets_config_maps_and_rbac() {
    let mut secret = data(
        r#"{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"},
            "type": "Opaque", "stringData": {"user": "admin"}}"#,
    );
    crate::data::set(
        &mut secret,
        "data",
        Data::Struct(vec![("password".into(), Data::Bytes(b"hunter2".to_vec()))]),
    );
    assert_eq!(check(&secret), Vec::<Problem>::new());
    let bad_base64 = r#"{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"},
        "data": {"password": "not base64!"}}"#;
    let found = problems(bad_base64);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("data.password: invalid value \"not base64!\": "),
        "{found:?}"
    );
    // Kubernetes objects need metadata (a name).
    assert_eq!(
        problems(r#"{"apiVersion": "v1", "kind": "Secret", "data": {}}"#),
        ["metadata: required field is missing"]
    );

    let config_map = r#"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"},
        "data": {"port": 8080, "mode": "prod"}}"#;
    assert_eq!(
        problems(config_map),
        ["data.port: expected a string, found the integer 8080"]
    );

    let role_binding = r#"{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
        "metadata": {"name": "read"},
        "subjects": [{"kind": "ServiceAccount", "name": "web", "namespace": "default"}]}"#;
    assert_eq!(
        problems(role_binding),
        ["roleRef: required field is missing"]
    );
}

#[test]
fn errors_are_bounded() {
    let env: Vec<String> = (0..MAX_ERRORS + 5)
        .map(|i| format!(r#"{{"name": "V{i}", "value": {i}}}"#))
        .collect();
    let spec = format!(
        r#"{{"containers": [{{"name": "web", "env": [{}]}}]}}"#,
        env.join(",")
    );
    assert_eq!(problems(&deployment("1", &spec)).len(), MAX_ERRORS);
}

#[test]
fn every_listed_kind_is_checked() {
    let kinds = [
        ("apps/v1", "Deployment"),
        ("apps/v1", "StatefulSet"),
        ("apps/v1", "DaemonSet"),
        ("apps/v1", "ReplicaSet"),
        ("batch/v1", "Job"),
        ("batch/v1", "CronJob"),
        ("v1", "Service"),
        ("v1", "ConfigMap"),
        ("v1", "Secret"),
        ("v1", "PersistentVolumeClaim"),
        ("v1", "PersistentVolume"),
        ("v1", "ServiceAccount"),
        ("v1", "Namespace"),
        ("v1", "Pod"),
        ("v1", "LimitRange"),
        ("v1", "ResourceQuota"),
        ("networking.k8s.io/v1", "Ingress"),
        ("networking.k8s.io/v1", "IngressClass"),
        ("networking.k8s.io/v1", "NetworkPolicy"),
        ("autoscaling/v1", "HorizontalPodAutoscaler"),
        ("autoscaling/v2", "HorizontalPodAutoscaler"),
        ("policy/v1", "PodDisruptionBudget"),
        ("rbac.authorization.k8s.io/v1", "Role"),
        ("rbac.authorization.k8s.io/v1", "ClusterRole"),
    ];
    for (api_version, kind) in kinds {
        let object = format!(
            r#"{{"apiVersion": "{api_version}", "kind": "{kind}",
                "metadata": {{"name": "x", "creationTimestamp": null}}, "bogus": 1}}"#
        );
        let mut expected = Vec::new();
        // Their specs have required fields, so the specs are required.
        let spec_required = [
            "Deployment",
            "StatefulSet",
            "DaemonSet",
            "ReplicaSet",
            "CronJob",
            "HorizontalPodAutoscaler",
        ];
        if spec_required.contains(&kind) {
            expected.push("spec: required field is missing".to_string());
        }
        expected.push(format!("bogus: unknown field \"bogus\" of {kind}"));
        assert_eq!(problems(&object), expected, "{api_version} {kind}");
    }
    for kind in ["RoleBinding", "ClusterRoleBinding"] {
        let object = format!(
            r#"{{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "{kind}",
                "metadata": {{"name": "x"}},
                "roleRef": {{"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                             "name": "view"}}}}"#
        );
        assert_eq!(problems(&object), Vec::<String>::new(), "{kind}");
    }
}

#[test]
fn timestamps_and_quantities() {
    let pod = |timestamp: &str, cpu: &str| {
        format!(
            r#"{{"apiVersion": "v1", "kind": "Pod",
                "metadata": {{"name": "x", "creationTimestamp": {timestamp}}},
                "spec": {{"containers": [{{"name": "c",
                    "resources": {{"limits": {{"cpu": {cpu}}}}}}}]}}}}"#
        )
    };
    assert_eq!(
        problems(&pod("\"2026-01-02T03:04:05Z\"", "\"250m\"")),
        Vec::<String>::new()
    );
    assert_eq!(problems(&pod("null", "2")), Vec::<String>::new());
    let found = problems(&pod("\"yesterday\"", "2"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("metadata.creationTimestamp: invalid value \"yesterday\": "),
        "{found:?}"
    );
    assert_eq!(
        problems(&pod("null", "true")),
        [
            "spec.containers.0.resources.limits.cpu: expected a quantity (a string or a number), \
          found the boolean true"
        ]
    );
}

/// The quick probe finds a missing field exactly when the round trip
/// through JSON does (the full check's way), for valid objects and for
/// objects lacking required fields at several depths.
#[test]
fn quick_probe_agrees_with_the_round_trip() {
    use k8s_openapi::api::apps::v1::Deployment;
    let cases = [
        (deployment("3", POD_SPEC), false),
        (
            deployment("1", r#"{"containers": [{"image": "nginx"}]}"#),
            true,
        ),
        (deployment("1", r#"{"initContainers": []}"#), true),
        (
            deployment(
                "1",
                r#"{"containers": [{"name": "a", "env": [{"value": "x"}]}]}"#,
            ),
            true,
        ),
        (
            deployment(
                "1",
                r#"{"containers": [{"name": "a"}], "volumes": [{"name": "v", "configMap": {"items": [{"key": "k"}]}}]}"#,
            ),
            true,
        ),
        (
            r#"{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}}"#
                .to_string(),
            true,
        ),
    ];
    for (json, expected) in cases {
        let object = data(&json);
        let typed: Deployment = serde_json::from_str(&json).expect("reads as a Deployment");
        let written = serde_json::to_value(&typed).expect("writes");
        let mut round_trip = Vec::new();
        super::missing_fields(
            &object,
            &written,
            "",
            &super::de::Session::default(),
            &mut round_trip,
        );
        assert_eq!(!round_trip.is_empty(), expected, "{json}: {round_trip:?}");
        assert_eq!(
            super::missing::any_missing(&typed, &object),
            expected,
            "{json}"
        );
    }
}
