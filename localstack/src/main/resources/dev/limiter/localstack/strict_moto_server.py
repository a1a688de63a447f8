"""moto's DynamoDB server with DynamoDB's documented concurrency semantics and limits ("strict" mode).

Requests are applied one at a time behind one lock, as in serialized_moto_server.py, and on top of that:

- TransactWriteItems holds its items for a configurable time before it commits, releasing the lock while it
  holds, so other requests are served meanwhile. A PutItem/UpdateItem/DeleteItem on a held item is rejected with
  TransactionConflictException; an overlapping TransactWriteItems is cancelled with TransactionCanceledException and
  a TransactionConflict reason at the overlapping item. Reads see the last committed state.
  Docs: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html
  ("Transaction conflict handling in DynamoDB"); reason codes and messages: API_TransactWriteItems.html and the
  TransactionCanceledException reference ("Transaction is ongoing for the item.").
- Per-partition-key write throttling at a configurable rate (default 1,000 write units/s, DynamoDB's partition
  limit). One write unit covers 1 KB of item (rounded up; the larger of the old and new image for an update);
  a transactional write costs 2 units per KB per item; a failed conditional write still costs (at least 1 unit).
  Docs: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html (capacity unit sizes),
  https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html (1,000 WCU per
  partition). A throttled single write on an on-demand table gets ThrottlingException, on a provisioned table
  ProvisionedThroughputExceededException, both with throttlingReasons [TableWriteKeyRangeThroughputExceeded]
  (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ThrottlingReason.html, 2025); a throttled
  transaction is cancelled with reason ThrottlingError (on-demand) or ProvisionedThroughputExceeded (provisioned)
  as the TransactionCanceledException reference lists them.
- ClientRequestToken idempotency for TransactWriteItems: for 10 minutes after a token's request completed, the same
  token with the same request succeeds without being applied again, the same token with another request gets
  IdempotentParameterMismatchException, and a token whose request is still running gets
  TransactionInProgressException (TransactWriteItemsRequest.ClientRequestToken reference).
- Ambiguous failures on demand: the request is applied, then the connection is dropped or HTTP 500 is answered,
  so the SDK retries a request that already landed.
- Validation limits moto does not enforce: expressions of at most 4 KB and 300 operators or functions
  (Constraints.html, "Expression parameters"), BETWEEN with its lower bound above its upper bound, and numbers of at
  most 38 significant digits within 1E-130 .. 9.9999999999999999999999999999999999999E+125 (Constraints.html,
  "Data types").

Control API on the same port, under /_strict/ (DynamoDB requests are POST / with X-Amz-Target):
  POST /_strict/config  {"table": name|"*", "transactionHoldMillis": n, "writeUnitsPerSecondPerKey": n (0 = off),
                         "idempotencyWindowMillis": n, "ambiguous": [{"operation": op, "count": n,
                         "mode": "drop"|"500"}]}
  POST /_strict/reset   {"table": name|"*"}
  POST /_strict/release {"table": name|"*"}          ends the holds of in-flight transactions now
  POST /_strict/await   {"table": name, "holding": n, "timeoutMillis": n}  waits until n transactions hold items
  GET  /_strict/stats[?table=name]

Usage: python3 strict_moto_server.py -H 127.0.0.1 -p PORT [--hold-millis 10] [--write-units 1000]
"""
import argparse
import decimal
import hashlib
import io
import json
import os
import re
import signal
import socket
import sys
import threading
import time
import urllib.parse

import copy

import moto.dynamodb.models as moto_dynamodb
from moto.core import DEFAULT_ACCOUNT_ID
from moto.dynamodb.models import DynamoDBBackend, dynamodb_backends
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table as MotoTable
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

PREFIX = "com.amazonaws.dynamodb.v20120810#"
TARGET = "DynamoDB_20120810."
SINGLE_WRITES = ("PutItem", "UpdateItem", "DeleteItem")
CONFLICT_MESSAGE = "Transaction is ongoing for the item."
ON_DEMAND_THROTTLE = ("Throughput exceeds the current capacity of your table or index. DynamoDB is automatically "
                      "scaling your table or index so please try again shortly. If exceptions persist, check if you "
                      "have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
                      "bp-partition-key-design.html.")
PROVISIONED_THROTTLE = ("The level of configured provisioned throughput for the table was exceeded. Consider "
                        "increasing your provisioning level with the UpdateTable API.")
EXPRESSION_KEYS = ("ConditionExpression", "UpdateExpression", "ProjectionExpression", "FilterExpression",
                   "KeyConditionExpression")
MAX_EXPRESSION_BYTES = 4096
MAX_OPERATORS = 300
SETTING_KEYS = ("transactionHoldMillis", "writeUnitsPerSecondPerKey", "idempotencyWindowMillis")
COUNTERS = ("conflicts", "throttles", "ambiguousInjected", "idempotentReplays", "transactions", "writes",
            "writeUnits")


class Rejection(Exception):
    """A DynamoDB error answered instead of applying the request."""

    def __init__(self, error_type, message, counter=None, extra=None, status="400 Bad Request"):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.counter = counter
        self.extra = extra or {}
        self.status = status

    def body(self):
        payload = {"__type": PREFIX + self.error_type}
        # TransactionCanceledException carries "Message", every other error "message", as DynamoDB writes them.
        payload["Message" if self.error_type == "TransactionCanceledException" else "message"] = self.message
        payload.update(self.extra)
        return json.dumps(payload).encode()


def cancelled(codes_and_messages):
    reasons = [{"Code": code, "Message": message} if code != "None" else {"Code": "None"}
               for code, message in codes_and_messages]
    summary = ", ".join(code for code, _ in codes_and_messages)
    return Rejection("TransactionCanceledException",
                     "Transaction cancelled, please refer cancellation reasons for specific reasons [" + summary + "]",
                     extra={"CancellationReasons": reasons})


def validation(message):
    return Rejection("ValidationException", message)


class Bucket:
    """Write units of one partition key: a token bucket holding at most one second of the rate."""

    def __init__(self, rate, now):
        self.rate = rate
        self.tokens = max(rate, 1.0)
        self.at = now

    def refill(self, rate, now):
        self.rate = rate
        capacity = max(rate, 1.0)
        self.tokens = min(capacity, self.tokens + (now - self.at) * rate)
        self.at = now

    def admits(self):
        # Admit while at least one unit is left; a large item may then take the balance below zero (DynamoDB
        # admits the request and charges its actual size), which delays the next admission accordingly.
        return self.tokens >= 1.0

    def charge(self, units):
        self.tokens -= units


class Table:
    """What strict mode keeps per table name: settings, key buckets, counters, injected failures."""

    def __init__(self):
        self.settings = {}
        self.buckets = {}
        self.counters = dict.fromkeys(COUNTERS, 0)
        self.ambiguous = []
        self.release_generation = 0


class Strict:
    def __init__(self, app, defaults):
        self.app = app
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.defaults = dict(defaults)
        self.tables = {"*": Table()}
        self.held = {}          # (table, canonical key) -> transaction id
        self.holding = {}       # transaction id -> set of table names
        self.tokens = {}        # ClientRequestToken -> (request digest, completed monotonic time or None, body)
        self.next_id = 0

    # ----------------------------------------------------------------------------------------------- WSGI entry
    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/_strict/"):
            return self.control(environ, start_response, path[len("/_strict/"):])
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if not target.startswith(TARGET):
            with self.lock:
                return list(self.app(environ, start_response))
        operation = target[len(TARGET):]
        body = read_body(environ)
        try:
            request = json.loads(body or b"{}", parse_float=decimal.Decimal)
        except ValueError:
            request = {}
        with self.lock:
            try:
                validate(request)
                if operation == "TransactWriteItems":
                    status, headers, payload = self.transact(environ, body, request)
                elif operation in SINGLE_WRITES:
                    status, headers, payload = self.single_write(environ, body, request, operation)
                else:
                    status, headers, payload = self.call(environ, body)
            except Rejection as rejection:
                for name in tables_of(request, operation) or ["*"]:
                    if rejection.counter:
                        self.table(name).counters[rejection.counter] += 1
                return respond(start_response, rejection.status, json_headers(), rejection.body())
            injected = self.injection(request, operation)
        if injected == "drop":
            drop(environ)
        if injected == "500":
            error = Rejection("InternalServerError", "Internal server error", status="500 Internal Server Error")
            return respond(start_response, error.status, json_headers(), error.body())
        return respond(start_response, status, headers, payload)

    # ----------------------------------------------------------------------------------------------- single writes
    def single_write(self, environ, body, request, operation):
        name = request.get("TableName", "")
        table = self.moto_table(environ, name)
        if table is None:
            return self.call(environ, body)
        key = key_of(table, request.get("Item") if operation == "PutItem" else request.get("Key"))
        if key is None:
            return self.call(environ, body)
        if (name, canonical(key)) in self.held:
            raise Rejection("TransactionConflictException", CONFLICT_MESSAGE, counter="conflicts")
        bucket = self.admit(name, key, table)
        if bucket is not None and not bucket.admits():
            raise throttled(table, name, environ)
        before = item_units(table, key)
        status, headers, payload = self.call(environ, body)
        counters = self.table(name).counters
        counters["writes"] += 1
        # A write costs its item's size in 1 KB units, the larger of the old and new image; a failed condition
        # still costs the size of the existing item, at least one unit.
        if status.startswith("200") or b"ConditionalCheckFailed" in payload:
            units = max(before, item_units(table, key), 1)
            counters["writeUnits"] += units
            if bucket is not None:
                bucket.charge(units)
        return status, headers, payload

    # ----------------------------------------------------------------------------------------------- transactions
    def transact(self, environ, body, request):
        token = request.get("ClientRequestToken")
        digest = request_digest(request)
        if token:
            replay = self.replay(token, digest, tables_of(request, "TransactWriteItems"))
            if replay is not None:
                return replay
        actions = self.actions(environ, request)
        conflicts = [(name, key) for name, key, _ in actions if (name, canonical(key)) in self.held]
        if conflicts:
            raise self.cancelled_for(actions, lambda name, key, table: (name, key) in conflicts,
                                     lambda table: ("TransactionConflict", CONFLICT_MESSAGE), "conflicts")
        buckets = [self.admit(name, key, table) if table is not None else None for name, key, table in actions]
        if any(bucket is not None and not bucket.admits() for bucket in buckets):
            throttled_keys = [(name, key) for (name, key, _), bucket in zip(actions, buckets)
                              if bucket is not None and not bucket.admits()]
            raise self.cancelled_for(actions, lambda name, key, table: (name, key) in throttled_keys,
                                     throttle_reason, "throttles")
        transaction = self.hold(actions, token, digest)
        try:
            self.wait_out_hold(actions, transaction)
            units = [item_units(table, key) if table is not None else 0 for _, key, table in actions]
            status, headers, payload = self.call(environ, body)
        except BaseException:
            if token:
                self.tokens.pop(token, None)
            raise
        finally:
            self.unhold(transaction)
        names = {name for name, _, _ in actions}
        for name in names:
            self.table(name).counters["transactions"] += 1
        for (name, key, table), bucket, before in zip(actions, buckets, units):
            # Transactions cost two units per KB per item (prepare and commit), cancelled ones included.
            cost = 2 * max(before, item_units(table, key) if table is not None else 0, 1)
            self.table(name).counters["writeUnits"] += cost
            if bucket is not None:
                bucket.charge(cost)
        if token:
            self.complete(token, digest, status, headers, payload)
        return status, headers, payload

    def actions(self, environ, request):
        actions = []
        for entry in request.get("TransactItems") or []:
            for kind, op in entry.items():
                name = op.get("TableName", "")
                table = self.moto_table(environ, name)
                key = key_of(table, op.get("Item") if kind == "Put" else op.get("Key")) if table else None
                actions.append((name, key if key is not None else {"#": canonical(op)}, table))
        return actions

    def cancelled_for(self, actions, matches, reason, counter):
        codes = [reason(table) if matches(name, key, table) else ("None", None) for name, key, table in actions]
        rejection = cancelled(codes)
        rejection.counter = counter
        return rejection

    def hold(self, actions, token, digest):
        self.next_id += 1
        transaction = self.next_id
        for name, key, _ in actions:
            self.held[(name, canonical(key))] = transaction
        self.holding[transaction] = {name for name, _, _ in actions}
        if token:
            self.tokens[token] = (digest, None, None)
        self.changed.notify_all()
        return transaction

    def wait_out_hold(self, actions, transaction):
        names = {name for name, _, _ in actions}
        hold = max(self.setting(name, "transactionHoldMillis") for name in names) / 1000.0 if names else 0
        generations = {name: self.table(name).release_generation for name in names}
        deadline = time.monotonic() + hold
        while True:
            remaining = deadline - time.monotonic()
            released = any(self.table(name).release_generation != generations[name] for name in names)
            if remaining <= 0 or released:
                return
            # Condition.wait releases the global lock: other requests are served while this transaction holds.
            self.changed.wait(remaining)

    def unhold(self, transaction):
        for held_key in [k for k, owner in self.held.items() if owner == transaction]:
            del self.held[held_key]
        self.holding.pop(transaction, None)
        self.changed.notify_all()

    def replay(self, token, digest, names):
        entry = self.tokens.get(token)
        if entry is None:
            return None
        known_digest, completed, response = entry
        if completed is None:
            raise Rejection("TransactionInProgressException",
                            "The transaction with the given request token is already in progress.")
        window = max(self.setting(name, "idempotencyWindowMillis") for name in names or ["*"]) / 1000.0
        if time.monotonic() - completed > window:
            del self.tokens[token]
            return None
        if known_digest != digest:
            raise Rejection("IdempotentParameterMismatchException",
                            "DynamoDB rejected the request because you retried a request with a different payload "
                            "but with an idempotent token that was already used.")
        for name in names:
            self.table(name).counters["idempotentReplays"] += 1
        return response

    def complete(self, token, digest, status, headers, payload):
        if status.startswith("200"):
            self.tokens[token] = (digest, time.monotonic(), (status, headers, payload))
        else:
            # A failed request leaves no idempotency record: the same token may be tried again.
            self.tokens.pop(token, None)

    # ----------------------------------------------------------------------------------------------- throttling
    def admit(self, name, key, table):
        rate = float(self.setting(name, "writeUnitsPerSecondPerKey"))
        if rate <= 0:
            return None
        partition = canonical({table.hash_key_attr: key[table.hash_key_attr]}) if table is not None else canonical(key)
        buckets = self.table(name).buckets
        now = time.monotonic()
        bucket = buckets.get(partition)
        if bucket is None:
            bucket = buckets[partition] = Bucket(rate, now)
        else:
            bucket.refill(rate, now)
        return bucket

    # ----------------------------------------------------------------------------------------------- ambiguity
    def injection(self, request, operation):
        for name in tables_of(request, operation):
            for rule in self.table(name).ambiguous:
                if rule["operation"] == operation and rule["count"] > 0:
                    rule["count"] -= 1
                    self.table(name).counters["ambiguousInjected"] += 1
                    return rule["mode"]
        return None

    # ----------------------------------------------------------------------------------------------- control API
    def control(self, environ, start_response, command):
        try:
            if command == "stats":
                query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
                with self.lock:
                    result = self.stats(query.get("table", [None])[0])
                return respond(start_response, "200 OK", json_headers(), json.dumps(result).encode())
            body = json.loads(read_body(environ) or b"{}")
            if not isinstance(body, dict):
                raise ValueError("the request body must be a JSON object")
            name = body.get("table")
            if not isinstance(name, str) or not name:
                raise ValueError("table is required: a table name or \"*\"")
            with self.lock:
                result = self.command(command, name, body)
            return respond(start_response, "200 OK", json_headers(), json.dumps(result).encode())
        except ValueError as e:
            return respond(start_response, "400 Bad Request", json_headers(),
                           json.dumps({"error": str(e)}).encode())

    def command(self, command, name, body):
        if command == "config":
            return self.configure(name, body)
        if command == "reset":
            if name == "*":
                self.tables = {"*": Table()}
                self.tokens.clear()
            else:
                self.tables.pop(name, None)
            return {"reset": name}
        if command == "release":
            for table_name in (list(self.tables) if name == "*" else [name]):
                self.table(table_name).release_generation += 1
            self.changed.notify_all()
            return {"released": name}
        if command == "await":
            return self.await_holding(name, body)
        raise ValueError("unknown command '" + command + "': use config, reset, release, await or stats")

    def configure(self, name, body):
        table = self.table(name)
        for key in SETTING_KEYS:
            if key in body:
                value = body[key]
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    raise ValueError(key + " must be a number >= 0, was " + json.dumps(value))
                table.settings[key] = value
        rules = body.get("ambiguous", [])
        if not isinstance(rules, list):
            raise ValueError("ambiguous must be a list of {operation, count, mode}")
        for rule in rules:
            table.ambiguous.append(ambiguous_rule(rule))
        unknown = set(body) - set(SETTING_KEYS) - {"table", "ambiguous"}
        if unknown:
            raise ValueError("unknown settings " + ", ".join(sorted(unknown)) + "; known: "
                             + ", ".join(SETTING_KEYS + ("ambiguous",)))
        return {"table": name, "settings": {key: self.setting(name, key) for key in SETTING_KEYS}}

    def await_holding(self, name, body):
        wanted = body.get("holding", 1)
        timeout = body.get("timeoutMillis", 30000) / 1000.0
        deadline = time.monotonic() + timeout
        while self.holding_count(name) < wanted:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ValueError("timed out after " + str(body.get("timeoutMillis", 30000)) + " ms waiting for "
                                 + str(wanted) + " transactions holding items of " + name + ", saw "
                                 + str(self.holding_count(name)))
            self.changed.wait(remaining)
        return {"table": name, "holding": self.holding_count(name)}

    def holding_count(self, name):
        return sum(1 for names in self.holding.values() if name == "*" or name in names)

    def stats(self, name):
        if name:
            result = dict(self.table(name).counters)
            result["holding"] = self.holding_count(name)
            return result
        tables = {}
        for table_name, table in self.tables.items():
            tables[table_name] = dict(table.counters, holding=self.holding_count(table_name))
        total = {counter: sum(table.counters[counter] for table in self.tables.values()) for counter in COUNTERS}
        return {"tables": tables, "total": total}

    # ----------------------------------------------------------------------------------------------- helpers
    def table(self, name):
        table = self.tables.get(name)
        if table is None:
            table = self.tables[name] = Table()
        return table

    def setting(self, name, key):
        for source in (self.table(name).settings, self.table("*").settings, self.defaults):
            if key in source:
                return source[key]
        raise KeyError(key)

    def moto_table(self, environ, name):
        region = region_of(environ)
        account = os.environ.get("MOTO_ACCOUNT_ID", DEFAULT_ACCOUNT_ID)
        return dynamodb_backends[account][region].tables.get(name)

    def call(self, environ, body):
        environ = dict(environ)
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured["status"] = status
            captured["headers"] = headers
            return lambda data: None

        payload = b"".join(self.app(environ, start_response))
        return captured["status"], captured["headers"], payload


# --------------------------------------------------------------------------------------------------- functions
def read_body(environ):
    length = int(environ.get("CONTENT_LENGTH") or 0)
    return environ["wsgi.input"].read(length) if length > 0 else b""


def respond(start_response, status, headers, payload):
    headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
    start_response(status, headers + [("Content-Length", str(len(payload)))])
    return [payload]


def json_headers():
    return [("Content-Type", "application/x-amz-json-1.0"), ("x-amzn-RequestId", str(time.monotonic_ns()))]


def drop(environ):
    # The request was applied; end the connection without an answer. connection_dropped_errors makes werkzeug
    # treat this as a client that went away, so nothing else is written.
    connection = environ.get("werkzeug.socket")
    if connection is not None:
        try:
            connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    raise ConnectionAbortedError("strict mode dropped the connection after applying the request")


def region_of(environ):
    authorization = environ.get("HTTP_AUTHORIZATION", "")
    match = re.search(r"Credential=[^/]+/[^/]+/([^/]+)/", authorization)
    return match.group(1) if match else "us-east-1"


def canonical(value):
    return json.dumps(value, sort_keys=True, default=str)


def key_of(table, attributes):
    if table is None or not isinstance(attributes, dict) or table.hash_key_attr not in attributes:
        return None
    key = {table.hash_key_attr: attributes[table.hash_key_attr]}
    if table.range_key_attr is not None:
        if table.range_key_attr not in attributes:
            return None
        key[table.range_key_attr] = attributes[table.range_key_attr]
    return key


def item_units(table, key):
    """The size of the stored item in 1 KB write units, rounded up; 0 when there is no item."""
    try:
        hash_value = DynamoType(json.loads(json.dumps(key[table.hash_key_attr], default=str)))
        range_value = None
        if table.range_key_attr is not None:
            range_value = DynamoType(json.loads(json.dumps(key[table.range_key_attr], default=str)))
        item = table.get_item(hash_value, range_value)
    except Exception:  # noqa: BLE001 - a key moto rejects has no stored item
        return 0
    if item is None:
        return 0
    return -(-item.size() // 1024)


def throttled(table, name, environ):
    resource = "arn:aws:dynamodb:" + region_of(environ) + ":" + os.environ.get("MOTO_ACCOUNT_ID", DEFAULT_ACCOUNT_ID) \
        + ":table/" + name
    reason = [{"reason": "TableWriteKeyRangeThroughputExceeded", "resource": resource}]
    # The wire member is "throttlingReasons" on ThrottlingException but "ThrottlingReasons" on
    # ProvisionedThroughputExceededException: that is how the service model (and so the SDK v2 parser) names them.
    if on_demand(table):
        return Rejection("ThrottlingException", ON_DEMAND_THROTTLE, counter="throttles",
                         extra={"throttlingReasons": reason})
    return Rejection("ProvisionedThroughputExceededException", PROVISIONED_THROTTLE, counter="throttles",
                     extra={"ThrottlingReasons": reason})


def throttle_reason(table):
    if table is None or on_demand(table):
        return "ThrottlingError", ON_DEMAND_THROTTLE
    return "ProvisionedThroughputExceeded", PROVISIONED_THROTTLE


def on_demand(table):
    return getattr(table, "billing_mode", "PAY_PER_REQUEST") == "PAY_PER_REQUEST"


def tables_of(request, operation):
    if operation == "TransactWriteItems":
        names = []
        for entry in request.get("TransactItems") or []:
            for op in entry.values():
                if op.get("TableName") and op["TableName"] not in names:
                    names.append(op["TableName"])
        return names
    if operation in ("BatchWriteItem", "BatchGetItem"):
        return list((request.get("RequestItems") or {}).keys())
    name = request.get("TableName")
    return [name] if name else []


def request_digest(request):
    # ReturnConsumedCapacity may differ between a request and its retry (the reference says the responses differ).
    relevant = {key: value for key, value in request.items() if key not in ("ReturnConsumedCapacity",)}
    return hashlib.sha256(canonical(relevant).encode()).hexdigest()


def ambiguous_rule(rule):
    if not isinstance(rule, dict):
        raise ValueError("each ambiguous entry must be an object {operation, count, mode}")
    operation, count, mode = rule.get("operation"), rule.get("count", 1), rule.get("mode", "500")
    if not isinstance(operation, str) or not operation:
        raise ValueError("ambiguous.operation must name a DynamoDB operation such as UpdateItem")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError("ambiguous.count must be an integer >= 1, was " + json.dumps(count))
    if mode not in ("drop", "500"):
        raise ValueError("ambiguous.mode must be \"drop\" or \"500\", was " + json.dumps(mode))
    return {"operation": operation, "count": count, "mode": mode}


# --------------------------------------------------------------------------------------------------- validation
OPERATOR = re.compile(r"<>|<=|>=|=|<|>|\+|-|\b(?:AND|OR|NOT|BETWEEN|IN)\b|\b[a-z_]+\s*\(", re.IGNORECASE)
BETWEEN = re.compile(r"\bBETWEEN\s+(:[A-Za-z0-9_]+)\s+AND\s+(:[A-Za-z0-9_]+)", re.IGNORECASE)
MIN_MAGNITUDE = decimal.Decimal("1E-130")
MAX_MAGNITUDE = decimal.Decimal("9.9999999999999999999999999999999999999E+125")


def validate(request):
    for part in parts_of(request):
        values = part.get("ExpressionAttributeValues") or {}
        for key in EXPRESSION_KEYS:
            expression = part.get(key)
            if isinstance(expression, str):
                check_expression(key, expression, values)
        for field in ("Item", "Key", "ExpressionAttributeValues"):
            for value in (part.get(field) or {}).values():
                check_numbers(value)


def parts_of(request):
    yield request
    for entry in request.get("TransactItems") or []:
        if isinstance(entry, dict):
            for op in entry.values():
                if isinstance(op, dict):
                    yield op


def check_expression(key, expression, values):
    size = len(expression.encode("utf-8"))
    if size > MAX_EXPRESSION_BYTES:
        raise validation("Invalid " + key + ": Expression size has exceeded the maximum allowed size; "
                         "expression size: " + str(size))
    operators = len(OPERATOR.findall(strip_names(expression)))
    if operators > MAX_OPERATORS:
        raise validation("Invalid " + key + ": The expression contains too many operators; operator count: "
                         + str(operators) + ", maximum: " + str(MAX_OPERATORS))
    for lower_name, upper_name in BETWEEN.findall(expression):
        lower, upper = values.get(lower_name), values.get(upper_name)
        if inverted(lower, upper):
            raise validation("Invalid " + key + ": The BETWEEN operator requires upper bound to be greater than or "
                             "equal to lower bound; lower bound operand: AttributeValue: " + short(lower)
                             + ", upper bound operand: AttributeValue: " + short(upper))


def strip_names(expression):
    # Placeholders (#name, :value) and attribute paths may contain '-' or words like "in"; count operators only.
    return re.sub(r"[#:][A-Za-z0-9_]+", " x ", expression)


def inverted(lower, upper):
    if not isinstance(lower, dict) or not isinstance(upper, dict):
        return False
    if "N" in lower and "N" in upper:
        try:
            return decimal.Decimal(lower["N"]) > decimal.Decimal(upper["N"])
        except decimal.InvalidOperation:
            return False
    if "S" in lower and "S" in upper:
        return lower["S"].encode("utf-8") > upper["S"].encode("utf-8")
    return False


def short(value):
    kind, content = next(iter(value.items()))
    return "{" + kind + ":" + str(content) + "}"


def check_numbers(value):
    if not isinstance(value, dict):
        return
    for kind, content in value.items():
        if kind == "N":
            check_number(content)
        elif kind == "NS":
            for number in content or []:
                check_number(number)
        elif kind == "L":
            for element in content or []:
                check_numbers(element)
        elif kind == "M":
            for element in (content or {}).values():
                check_numbers(element)


def check_number(text):
    try:
        number = decimal.Decimal(str(text).strip())
    except decimal.InvalidOperation:
        return  # moto answers malformed numbers itself
    if not number.is_finite() or number == 0:
        return
    # Count significant digits exactly: Decimal.normalize() would round to the context's 28 digits.
    digits = "".join(str(digit) for digit in number.as_tuple().digits).strip("0")
    if len(digits) > 38:
        raise validation("Attempting to store more than 38 significant digits in a Number")
    magnitude = abs(number)
    if magnitude > MAX_MAGNITUDE:
        raise validation("Number overflow. Attempting to store a number with magnitude larger than supported range")
    if magnitude < MIN_MAGNITUDE:
        raise validation("Number underflow. Attempting to store a number with magnitude smaller than supported range")


# ------------------------------------------------------------------------------------------- transaction rollback
class ItemCopy:
    """Stands in for the copy module inside moto's transact_write_items: tables are not copied.

    moto 5.2.1 deep-copies every table a transaction touches, stream records included, to roll back on failure;
    with a stream that costs more with every transaction (measured: 42 ms -> 516 ms per two-item transaction over
    400 transactions). Strict mode snapshots only the touched items and the stream length instead
    (transact_write_items below) and restores them itself; everything else moto deep-copies (the old image of an
    update) is still copied.
    """

    @staticmethod
    def deepcopy(value, memo=None):
        return value if isinstance(value, MotoTable) else copy.deepcopy(value, memo)


MOTO_TRANSACT_WRITE_ITEMS = DynamoDBBackend.transact_write_items


def transact_write_items(backend, transact_items):
    snapshots = snapshot_items(backend, transact_items)
    moto_dynamodb.copy = ItemCopy
    try:
        return MOTO_TRANSACT_WRITE_ITEMS(backend, transact_items)
    except BaseException:
        restore_items(snapshots)
        raise
    finally:
        moto_dynamodb.copy = copy


def snapshot_items(backend, transact_items):
    snapshots = []
    for entry in transact_items:
        for kind, op in entry.items():
            table = backend.tables.get(op.get("TableName", "")) if isinstance(op, dict) else None
            key = key_of(table, op.get("Item") if kind == "Put" else op.get("Key")) if table is not None else None
            if key is None:
                continue
            hash_value = DynamoType(key[table.hash_key_attr])
            range_value = DynamoType(key[table.range_key_attr]) if table.range_key_attr is not None else None
            try:
                item = table.get_item(hash_value, range_value)
            except Exception:  # noqa: BLE001 - moto reports the bad key itself
                continue
            stream = len(table.stream_shard.items) if table.stream_shard is not None else None
            snapshots.append((table, hash_value, range_value, copy.deepcopy(item), stream))
    return snapshots


def restore_items(snapshots):
    for table, hash_value, range_value, item, stream in reversed(snapshots):
        if range_value is not None:
            if item is None:
                table.items[hash_value].pop(range_value, None)
            else:
                table.items[hash_value][range_value] = item
        elif item is None:
            table.items.pop(hash_value, None)
        else:
            table.items[hash_value] = item
        if stream is not None:
            del table.stream_shard.items[stream:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    parser.add_argument("--hold-millis", type=float, default=10)
    parser.add_argument("--write-units", type=float, default=1000)
    parser.add_argument("--idempotency-window-millis", type=float, default=600000)
    args = parser.parse_args()
    # moto parses expressions recursively: an UpdateExpression with a few hundred actions (DynamoDB allows 300
    # operators) exceeds Python's default recursion limit and answers HTTP 500. Deeper stacks fix that.
    sys.setrecursionlimit(100000)
    threading.stack_size(256 * 1024 * 1024)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, lambda *_: sys.exit(0))
    defaults = {"transactionHoldMillis": args.hold_millis, "writeUnitsPerSecondPerKey": args.write_units,
                "idempotencyWindowMillis": args.idempotency_window_millis}
    DynamoDBBackend.transact_write_items = transact_write_items
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(args.host, args.port, Strict(app, defaults), threaded=True, use_reloader=False)


if __name__ == "__main__":
    main()
