--
-- Name: srv; Type: SERVER; Schema: -; Owner: postgres
--

CREATE SERVER srv FOREIGN DATA WRAPPER dummy;


ALTER SERVER srv OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

