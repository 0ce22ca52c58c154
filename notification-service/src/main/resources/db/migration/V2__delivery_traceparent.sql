-- The W3C traceparent of the span that recorded the delivery (the Kafka consumer's), so that the delivery, sent
-- later on another thread, continues the trace of the POST that started it. Null when tracing is off.
ALTER TABLE delivery ADD COLUMN traceparent text;
