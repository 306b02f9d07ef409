--
-- Name: COLUMN "Order Items"."from"; Type: COMMENT; Schema: Sales; Owner: postgres
--

COMMENT ON COLUMN "Sales"."Order Items"."from" IS 'where it came from';


