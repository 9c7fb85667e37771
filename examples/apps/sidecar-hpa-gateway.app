// An API with a log-shipping sidecar, autoscaled on CPU between 2 and 12
// replicas, published through an Ingress with TLS.
name:      "payments"
namespace: "payments"

components: gateway: {
	type: "webservice"
	properties: {
		image: "ghcr.io/acme/payments-gateway:4.7.0"
		ports: [{port: 8443, expose: true}]
		cpu:    "500m"
		memory: "512Mi"
	}
	traits: [
		{type: "sidecar", properties: {
			name:  "log-shipper"
			image: "docker.io/fluent/fluent-bit:3.1"
			args: ["-c", "/fluent-bit/etc/fluent-bit.conf"]
		}},
		{type: "hpa", properties: {min: 2, max: 12, cpu: value: 70}},
		{type: "gateway", properties: {
			domain:     "pay.example.com"
			http: "/": 8443
			secretName: "pay-example-com-tls"
		}},
	]
}
