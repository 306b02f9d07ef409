--
-- Name: dummy; Type: FOREIGN DATA WRAPPER; Schema: -; Owner: postgres
--

CREATE FOREIGN DATA WRAPPER dummy;


ALTER FOREIGN DATA WRAPPER dummy OWNER TO postgres;

