--
-- Name: measurements_at; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX measurements_at ON ONLY public.measurements USING btree (at);


