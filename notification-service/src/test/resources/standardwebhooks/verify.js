// Verifies one webhook delivery with the Standard Webhooks reference library (npm "standardwebhooks").
// Reads {"secret", "body", "headers"} as JSON on standard input; exits 0 if the delivery verifies, 1 if not.
const { Webhook } = require("standardwebhooks");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { secret, body, headers } = JSON.parse(input);
  try {
    new Webhook(secret).verify(body, headers);
    process.exit(0);
  } catch (e) {
    process.stderr.write(`${e.name}: ${e.message}\n`);
    process.exit(1);
  }
});
