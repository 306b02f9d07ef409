--
-- Name: Order Items; Type: TABLE; Schema: Sales; Owner: postgres
--

CREATE TABLE "Sales"."Order Items" (
    id integer NOT NULL,
    "from" text,
    qty integer,
    total integer GENERATED ALWAYS AS ((qty * 2)) STORED,
    plain_id integer
);


ALTER TABLE "Sales"."Order Items" OWNER TO postgres;

